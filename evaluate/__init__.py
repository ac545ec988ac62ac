"""Scoring the extractor against gold annotations (SPEC §8)."""
