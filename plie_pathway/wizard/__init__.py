from . import pathway_reassign
from . import exit_proposal
from . import pathway_suspend
from . import annual_report
