from . import kohesio_import
