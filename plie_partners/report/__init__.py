from . import clause_buyer_xlsx
from . import clause_consolidated_xlsx
from . import company_register_xlsx
