from . import test_decision_letter
from . import test_follow_up
from . import test_membership
from . import test_portal_pages
from . import test_portal_submission
from . import test_portal_tour
from . import test_translations
