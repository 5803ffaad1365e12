/** UI pieces that every feature's views share. */
@org.springframework.modulith.NamedInterface("ui")
package org.fieldaid.base.ui;
