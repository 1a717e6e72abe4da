from . import budget_report
from . import indicator_report
from . import indicator_line
from . import xlsx_statements
