"""render: summaries, section trees, comparisons and tracking as terminal views, Markdown and HTML."""
