from . import participant_statistics
