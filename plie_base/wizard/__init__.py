from . import plie_eligibility_check
