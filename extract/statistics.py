"""Statistics: numbers with their units, minus the exclusions (stub)."""
from .model import Mention
def find_statistics(normalized) -> list[Mention]:
    return []
