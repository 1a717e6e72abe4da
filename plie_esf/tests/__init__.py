from . import test_operation
from . import test_kohesio_import
from . import test_expenses
