/** Shared kernel: audit records, the principal's shape, UI building blocks. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.fieldaid.base;
