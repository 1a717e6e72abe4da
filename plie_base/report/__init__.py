from . import plie_participant_statistics
