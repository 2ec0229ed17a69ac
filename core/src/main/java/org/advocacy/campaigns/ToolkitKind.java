package org.advocacy.campaigns;

public enum ToolkitKind {

    GUIDE, FACT_SHEET, TALKING_POINTS, TEMPLATE, VIDEO, LINK

}
