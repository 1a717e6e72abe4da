from . import pathway_reassign
from . import exit_proposal
from . import annual_report
