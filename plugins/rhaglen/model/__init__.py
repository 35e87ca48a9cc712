"""The typed, frozen, public model of the data contract (version 1): one model per file
kind, the value types, and the problems a model's validation gives, at their lines.

Imports `text` only.
"""
