"""read: a file's bytes → the text of the report (`RawDocument`), whatever its format.

One reader per format (plain text in any Chinese encoding, web pages, PDF, Word, traditional
script); every offset the later stages give indexes the text this stage returns.
"""
