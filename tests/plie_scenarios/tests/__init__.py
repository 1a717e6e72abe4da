from . import test_cacem_demo
from . import test_suite_installed
