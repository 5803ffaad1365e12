/** The journey screens: the journey board, convoys and their manifests, the checkpoint, and the household's tab. */
package org.fieldaid.journey.ui;
