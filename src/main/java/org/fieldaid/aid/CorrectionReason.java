package org.fieldaid.aid;

/** Why a stock count was corrected; LOST, DAMAGED and EXPIRED take stock out, FOUND puts it back, COUNT either. */
public enum CorrectionReason {
    DAMAGED, EXPIRED, LOST, FOUND, COUNT
}
