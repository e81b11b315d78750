package org.communedx.model.framework;

/** Groups and criteria keep the order an administrator gave them. */
interface Positioned {

    void setPosition(int position);
}
