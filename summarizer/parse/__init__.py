"""parse: the report's text → cleaned text with an offset map, a section tree and its metadata.

clean → split → classify, composed by `document.parse_raw`; `periods` and `problems` find the
passages a phrase rather than a heading sets apart. Pure: no model, no I/O beyond reading.
"""
