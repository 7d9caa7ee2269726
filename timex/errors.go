package timex

import "errors"

// errConfig is returned by New for an invalid configuration.
var errConfig = errors.New("timex: invalid config: MaxTextBytes is negative")
