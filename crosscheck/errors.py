"""Exceptions. The CLI turns each into a message and an exit code in one place."""


class CrosscheckError(Exception):
    """Base class: a problem the user can act on, with a message that says what."""


class InputError(CrosscheckError):
    """A file or path given by the user cannot be read as articles."""


class ModelError(CrosscheckError):
    """The embedding model cannot be loaded."""


class UsageError(CrosscheckError):
    """Options that do not fit together."""


class StoreError(CrosscheckError):
    """A corpus store is missing, damaged, foreign, or built with another model."""
