from . import job_offer_suggestion
from . import job_offer_suggestion_line
from . import clause_hours_import
from . import company_register_report
from . import clause_report
from . import clause_progress_period
