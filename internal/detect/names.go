package detect

// nameDetectors returns the detectors of this family (being written).
func nameDetectors() []Detector { return nil }
