"""tracker: what did this policy say then, what changed since, and what does the change mean."""

__version__ = "0.1.0"
