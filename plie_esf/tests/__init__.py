from . import test_operation
from . import test_kohesio_import
from . import test_expenses
from . import test_claim
from . import test_indicators
from . import test_participation
from . import test_access
from . import test_xlsx
