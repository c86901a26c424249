"""aggregate: summaries of many reports → a comparison, promise tracking and flat exports."""
