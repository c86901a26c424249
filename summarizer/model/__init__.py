"""model: everything that talks to a language model.

The client (`client`), the server's lifecycle beside it (`provider`: started or discovered on
first use; `server`, `files`, `probe`, `diagnose`), the prompts and the answer cache, the
extraction stage (`extract`: plan the calls, answer them, collect items; `areas`, `items`) and
the strategies behind one protocol (`strategies`: abstractive, extractive, guided, rules,
rules-only).
"""
