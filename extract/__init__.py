"""The extraction pipeline: reading -> numbers -> units -> exclusions -> dates -> meaning.

Each stage is a module with one job; `pipeline` wires them together.
"""
