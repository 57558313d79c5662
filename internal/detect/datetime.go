package detect

// dateTimeDetectors returns the detectors of this family (being written).
func dateTimeDetectors() []Detector { return nil }
