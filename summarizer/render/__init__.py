"""render: what the tool shows and writes, one module per view, over the models the stages build.

- `common`: what every view shares — the terminal table style, Markdown and HTML tables, the page
  around HTML views and its stylesheet;
- `summary`: one `DocumentSummary` (the rich brief and Markdown); `tree`: a `SectionTree`;
- `comparison`: a `Comparison` (rich, Markdown, HTML); `tracking`: a `Tracking` (rich, Markdown,
  HTML, CSV); `batch`: a batch run (its table and index.md); `scores`: `eval` and `quality`.

Views import the stages' models and helpers; no stage imports a view, except `batch`, which
writes index.md and the Markdown summaries through them.
"""
