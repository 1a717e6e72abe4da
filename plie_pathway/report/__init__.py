from . import pathway_report
from . import caseload_report
from . import kpi_dashboard
