"""model: everything that talks to a language model.

The client (`client`), the embedded server's lifecycle (`server`, `files`, `probe`,
`diagnose`), the prompts and the answer cache, and the extraction that turns a section into
items (`extract`).
"""
