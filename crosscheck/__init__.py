"""crosscheck: find where news outlets disagree about the same facts."""

__version__ = "0.1.0"
