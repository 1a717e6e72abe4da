from . import test_access
from . import test_eligibility
from . import test_gdpr
from . import test_multi_company
from . import test_participant_constraints
from . import test_statistics
from . import test_tour
from . import test_translations
