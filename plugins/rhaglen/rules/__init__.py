"""Rules across the records of a programme: the draft of what could be read, references,
responses, dates, tags (`across_records`), then the sense checks (`sense`).

Imports `state`, `model` and `text` only.
"""
