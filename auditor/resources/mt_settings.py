"""What the machine-translation model's file and features are, without numpy: the command line
declares its options from these, and a run that scores no English text never imports numpy."""

FORMAT = "auditor-mt/2"
DEFAULT_BITS = 20  # the model has 2**bits weights
