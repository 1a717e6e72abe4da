from . import test_register
from . import test_club
from . import test_matching
from . import test_clause_hours
from . import test_clause_progress
from . import test_translations
from . import test_access
from . import test_reports
