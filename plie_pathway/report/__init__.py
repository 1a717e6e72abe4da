from . import pathway_report
from . import caseload_report
from . import annual_report_xlsx
