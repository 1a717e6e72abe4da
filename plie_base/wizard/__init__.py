from . import eligibility_check
