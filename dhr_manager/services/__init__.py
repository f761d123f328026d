"""Use cases: one function per user action, shared by the command line and the GUI.

Each function takes the `UnlockedWorkspace` of the acting user, checks that user's role first, runs in one
unit of work, audits what it changed, and returns plain decrypted views, never ORM rows.
"""
