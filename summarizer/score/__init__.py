"""score: how good the summaries are, against gold annotations (`evaluate`) or without (`quality`)."""
