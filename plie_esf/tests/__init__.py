from . import test_operation
