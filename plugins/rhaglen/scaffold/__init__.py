"""Starting files for a team: `rhaglen new` (a programme folder from `programme.yml`)
and `rhaglen new-update` (an update prefilled from the current state).

Imports `data`, `state`, `model` and `text` only.
"""
