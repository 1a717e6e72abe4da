from . import test_cacem_demo
from . import test_suite_installed
from . import test_access_policy
