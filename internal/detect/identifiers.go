package detect

// identifierDetectors returns the detectors of this family (being written).
func identifierDetectors() []Detector { return nil }
