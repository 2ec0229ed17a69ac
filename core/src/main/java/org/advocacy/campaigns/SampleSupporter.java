package org.advocacy.campaigns;

/** The supporter whose details fill a template preview. */
public record SampleSupporter(String name, String place, String zip) {

    public static final SampleSupporter EXAMPLE = new SampleSupporter("Alex Example", "Springfield", "00000");

}
