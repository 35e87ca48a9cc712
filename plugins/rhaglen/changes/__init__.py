"""The pull-request summary, `rhaglen diff`: each side read from git or a folder
(`gitsource`), compared record by record (`compare`, `records`) and page by page (`pages`),
then written as Markdown (`summary`) by the command (`command`).

Imports `site` never; the core layers below (`data`, `views`, `pages`, `render`) freely.
"""
