package org.fieldaid.journey;

import java.util.List;

/**
 * What the officer at the barrier records for one family.
 *
 * @param travellers each traveller on the manifest: present or not, and the document number typed for them
 * @param extra people in the vehicle who are not on the manifest
 */
public record CrossingForm(Long journeyId, int expectedVersion, List<TravellerCheck> travellers,
                           List<ExtraPerson> extra, String note) {

    public record TravellerCheck(long travellerId, boolean present, String typedDocument) {
    }

    public record ExtraPerson(String name, String document) {
    }
}
