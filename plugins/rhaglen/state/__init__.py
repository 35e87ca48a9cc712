"""The state of a programme as of a date: the plan and its updates put together
(`current`), the actions across updates (`actions`), whether its reports are up to date
(`freshness`), and the as-of date itself.

Imports `model` and `text` only.
"""
