package org.advocacy.supporters;

/** How a supporter sent a letter, or that they phoned. */
public enum DeliveryMethod {

    MAILTO, CONTACT_FORM, COPIED, PHONE, EMAIL,
    /** Delivered into the office through Communicating with Congress. */
    CWC

}
